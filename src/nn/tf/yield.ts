/**
 * Gives the browser a turn (input, painting) between training steps. A MessageChannel task
 * avoids the ≥ 4 ms clamp of nested setTimeout, so yielding every step stays cheap.
 */
export function yieldToBrowser(): Promise<void> {
  if (typeof MessageChannel === 'undefined') return new Promise((r) => setTimeout(r, 0));
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}
