import { defineCollection } from 'astro:content';
import { file, glob } from 'astro/loaders';
import { checkBankSchema } from './site/check-schema.ts';
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

/** Knowledge checks: one YAML item bank a module in content/checks; the file name is the module id. */
const checks = defineCollection({
  loader: glob({ pattern: '*.yaml', base: './content/checks' }),
  schema: checkBankSchema,
});

export const collections = { modules, glossary, checks };
