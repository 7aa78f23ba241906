/**
 * The history timeline of chapter 1, as data: one entry per milestone, in order. Rendered by
 * src/components/Timeline.astro. Each text is a few sentences, written for this course.
 */
export interface Jalon {
  /** The year as printed ("2015–2016"). */
  annee: string;
  /** A machine-readable year for <time datetime>. */
  datetime: string;
  titre: string;
  /** Who did it. */
  qui: string;
  texte: string;
}

export const histoire: readonly Jalon[] = [
  {
    annee: '1943',
    datetime: '1943',
    titre: 'Le neurone formel',
    qui: 'Warren McCulloch et Walter Pitts',
    texte:
      'Un neurophysiologiste et un logicien décrivent le neurone comme une petite machine logique : il additionne des entrées qui valent 0 ou 1 et s’active au-delà d’un seuil. Rien n’y est encore appris : les réglages sont fixés à la main.',
  },
  {
    annee: '1958',
    datetime: '1958',
    titre: 'Le perceptron',
    qui: 'Frank Rosenblatt',
    texte:
      'Le premier neurone qui apprend : ses poids se corrigent d’eux-mêmes, exemple après exemple, chaque fois qu’il se trompe. Rosenblatt le fait construire en machine, reliée à une caméra de 400 cellules photoélectriques, pour reconnaître des formes simples.',
  },
  {
    annee: '1960',
    datetime: '1960',
    titre: 'ADALINE',
    qui: 'Bernard Widrow et Ted Hoff',
    texte:
      'Un neurone linéaire qui apprend en réduisant le carré de son écart à la réponse attendue. Leur règle, un petit pas contre la pente de l’erreur, est déjà une descente de gradient sur l’erreur quadratique, celle de la démo de ce chapitre.',
  },
  {
    annee: '1969',
    datetime: '1969',
    titre: 'Perceptrons, le livre',
    qui: 'Marvin Minsky et Seymour Papert',
    texte:
      'Ils démontrent qu’un perceptron à une seule couche ne peut pas calculer le OU exclusif (XOR), ni aucune fonction dont les classes ne se séparent pas par une droite. Le livre contribue à détourner pour une quinzaine d’années chercheurs et financements des réseaux de neurones.',
  },
  {
    annee: '1986',
    datetime: '1986',
    titre: 'La rétropropagation',
    qui: 'David Rumelhart, Geoffrey Hinton et Ronald Williams',
    texte:
      'Leur article dans la revue Nature fait connaître une méthode pour calculer, couche après couche, comment l’erreur dépend de chaque poids d’un réseau à plusieurs couches. Les couches cachées deviennent entraînables, et le OU exclusif n’est plus un obstacle.',
  },
  {
    annee: '1998',
    datetime: '1998',
    titre: 'LeNet',
    qui: 'Yann LeCun, Léon Bottou, Yoshua Bengio et Patrick Haffner',
    texte:
      'Un réseau convolutif, LeNet-5, lit des chiffres manuscrits assez bien pour trier des chèques bancaires. Le même travail fait connaître MNIST, la collection de chiffres manuscrits que vous retrouverez au dernier chapitre.',
  },
  {
    annee: '2012',
    datetime: '2012',
    titre: 'AlexNet',
    qui: 'Alex Krizhevsky, Ilya Sutskever et Geoffrey Hinton',
    texte:
      'Un réseau convolutif de huit couches, entraîné sur deux cartes graphiques (GPU), remporte le concours de reconnaissance d’images ILSVRC (ImageNet : 1,2 million d’images, 1 000 catégories). La bonne catégorie manque parmi ses cinq premières propositions pour 15 % des images seulement, contre 26 % pour le deuxième : la vision par ordinateur bascule vers l’apprentissage profond.',
  },
  {
    annee: '2015–2016',
    datetime: '2015',
    titre: 'Des réseaux très profonds',
    qui: 'Kaiming He et ses collègues (Microsoft Research)',
    texte:
      'Les réseaux résiduels (ResNet) ajoutent des raccourcis qui laissent passer le signal par-dessus les couches. Un réseau de 152 couches gagne ILSVRC 2015 avec 3,6 % d’erreurs, mesurées comme pour AlexNet : mieux que l’estimation habituelle pour un humain sur cette tâche.',
  },
  {
    annee: '2018',
    datetime: '2018',
    titre: 'Le prix Turing',
    qui: 'Yoshua Bengio, Geoffrey Hinton et Yann LeCun',
    texte:
      'La plus haute distinction de l’informatique, le prix Turing 2018 (remis en 2019), récompense les trois chercheurs pour les avancées qui ont fait des réseaux de neurones profonds un outil central de l’informatique.',
  },
];
