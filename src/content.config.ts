import { defineCollection } from 'astro:content';
import { file, glob } from 'astro/loaders';
import { docsLoader } from '@astrojs/starlight/loaders';
import { docsSchema } from '@astrojs/starlight/schema';
import { chapterFields, demoSchema, glossaryTermSchema, quizSchema } from './content/schemas';

// Every collection is validated at build time: a contributor's mistake fails `npm run build`
// with the file and the field named by Astro's error message.
export const collections = {
  docs: defineCollection({
    loader: docsLoader(),
    schema: docsSchema({ extend: chapterFields }),
  }),
  quiz: defineCollection({
    loader: glob({ pattern: '*.yaml', base: './src/content/quiz' }),
    schema: quizSchema,
  }),
  glossaire: defineCollection({
    loader: file('./src/content/glossaire.yaml'),
    schema: glossaryTermSchema,
  }),
  demos: defineCollection({
    loader: file('./src/content/demos.yaml'),
    schema: demoSchema,
  }),
};
