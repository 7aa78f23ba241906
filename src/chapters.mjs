// The nine chapters, in reading order, under the slugs of the syllabus.
// The sidebar is built from this list; a unit test checks that each slug has its MDX file
// and that the file's `order` frontmatter matches its place here.
export const chapters = [
  { order: 1, slug: 'introduction', title: 'Qu’est-ce que le deep learning ?' },
  { order: 2, slug: 'neurone', title: 'Le neurone artificiel' },
  { order: 3, slug: 'reseaux', title: 'Les réseaux de neurones' },
  { order: 4, slug: 'pertes', title: 'Les fonctions de perte' },
  { order: 5, slug: 'descente-de-gradient', title: 'La descente de gradient' },
  { order: 6, slug: 'retropropagation', title: 'La rétropropagation' },
  { order: 7, slug: 'regularisation', title: 'La régularisation' },
  { order: 8, slug: 'projet-calculatrice', title: 'Projet 1 : une calculatrice apprise' },
  { order: 9, slug: 'projet-mnist', title: 'Projet 2 : reconnaître des chiffres manuscrits' },
];
