/** An exercise's check: one line per case (✓ or ✗, with expected and received), then a summary. */
import type { CheckMessage } from '../../nn';

export function createCheckList(): HTMLUListElement {
  const list = document.createElement('ul');
  list.className = 'npn-run-checks';
  return list;
}

export function renderCheck(message: CheckMessage): HTMLLIElement {
  const item = document.createElement('li');
  item.dataset['pass'] = String(message.pass);
  const mark = document.createElement('span');
  mark.className = 'npn-run-check-mark';
  mark.textContent = message.pass ? '✓' : '✗';
  mark.setAttribute('aria-hidden', 'true');
  const text = document.createElement('span');
  text.textContent = message.pass
    ? `Réussi\u00a0: ${message.name}`
    : `Échoué\u00a0: ${message.name} — attendu ${message.expected}, reçu ${message.received}`;
  item.append(mark, ' ', text);
  return item;
}

/** « 3 cas sur 4 réussis », or what to do when nothing was checked. */
export function checkSummary(checks: readonly { pass: boolean }[], codeFailed: boolean): HTMLElement {
  const summary = document.createElement('p');
  summary.className = 'npn-run-check-summary';
  const passed = checks.filter((c) => c.pass).length;
  const all = checks.length > 0 && passed === checks.length && !codeFailed;
  summary.dataset['pass'] = String(all);
  if (checks.length === 0)
    summary.textContent = codeFailed
      ? 'Aucun cas vérifié\u00a0: corrigez d’abord l’erreur ci-dessus.'
      : 'Aucun cas vérifié.';
  else
    summary.textContent = `${passed} cas sur ${checks.length} ${passed > 1 ? 'réussis' : 'réussi'}${all ? '\u00a0: bravo\u202f!' : '.'}`;
  return summary;
}
