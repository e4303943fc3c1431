import { defineCollection } from 'astro:content';
import { file, glob } from 'astro/loaders';
import { glossarySchema, moduleSchema } from './site/module-schema.ts';

/** Course modules: one MDX file each in content/modules; the file name is the module id. */
const modules = defineCollection({
  loader: glob({ pattern: '*.mdx', base: './content/modules' }),
  schema: moduleSchema,
});

/** The glossary: one YAML list shared by every module. */
const glossary = defineCollection({
  loader: file('./content/glossary.yaml'),
  schema: glossarySchema,
});

export const collections = { modules, glossary };
