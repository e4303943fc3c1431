/**
 * What `coach package` does: read the built course (building it first if it is missing or older
 * than a scenario or module), and write it as packages an LMS imports: SCORM 1.2, SCORM 2004 or
 * cmi5, the whole course in one package with an item per module and per scenario, or one package
 * per item. Each package holds the site's pages with their links made relative, a launch page per
 * item (the LMS bridge) and the manifest. The public site is not touched.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { zipSync, type Zippable } from 'fflate';
import { profileBase } from '../src/engine/xapi.ts';
import { itemKey, itemPage, type CourseItem, type LaunchConfig, type ModuleItem, type NamedLrs, type PackageFormat, type ScenarioItem } from '../src/lms/course.ts';
import { projectRoot } from '../src/node/scenario-files.ts';
import { serviceWorkerFile } from '../src/offline/offline-routes.ts';
import { exitCodes } from './exit-codes.ts';
import { launchPage } from './package/launch-page.ts';
import { manifestName, manifestXml, type ManifestItem } from './package/manifests.ts';
import { filesUnder, packagedPage, packagedScript, packagedStylesheet, pageFacts } from './package/built-site.ts';
import { CommandError, loadScenarioArg } from './scenario-arg.ts';
import { buildSite, builtSiteDir, siteBuildNeeded } from './site-build.ts';

/** The options of `coach package`, as the command reads them. */
export interface PackageOptions {
  readonly scorm12?: boolean;
  readonly scorm2004?: boolean;
  readonly cmi5?: boolean;
  readonly out?: string;
  readonly each?: boolean;
  /** The pass mark, as a percentage. */
  readonly passMark: number;
  readonly lrs?: string;
  /** A built site to package instead of dist/ (not rebuilt). */
  readonly site?: string;
}

export const courseTitle = 'Recovery Coach Practice';
const courseDescription = 'An open course and role-play simulator for people training as mental-health recovery coaches and peer-support workers.';
/** The course's IRI: the activities statements are about are named under it. */
export const courseIri = `${profileBase}/course`;

/** The bridge's scripts, built with the terminal runner (scripts/build-cli.mjs). */
const bridgeDir = join(projectRoot, 'build', 'lms');

/** An item, with what the manifest says of it. */
type Described = ManifestItem & { readonly item: CourseItem };

/** The ids a course index page links to, in its order: `/modules/<id>` on the course map, `/scenarios/<id>` in the catalogue. */
function listedIds(siteDir: string, section: 'modules' | 'scenarios'): string[] {
  const ids = pageFacts(join(siteDir, section, 'index.html'))
    .links.map((href) => new RegExp(`^/${section}/([a-z0-9-]+)/?$`).exec(href)?.[1])
    .filter((id): id is string => id !== undefined);
  return [...new Set(ids)];
}

/** The course's modules and scenarios, from the built pages (titles, descriptions, knowledge checks) and the scenario files (for replaying runs). */
async function courseItems(siteDir: string): Promise<Described[]> {
  const items: Described[] = [];
  for (const id of listedIds(siteDir, 'modules')) {
    const facts = pageFacts(join(siteDir, 'modules', id, 'index.html'));
    const item: ModuleItem = { kind: 'module', id, title: facts.title, ...(facts.check ? { check: facts.check } : {}) };
    items.push({ item, description: facts.description, launch: `lms/${itemKey(item)}.html` });
  }
  for (const id of listedIds(siteDir, 'scenarios')) {
    const facts = pageFacts(join(siteDir, 'scenarios', id, 'index.html'));
    const { scenario } = await loadScenarioArg(id);
    const item: ScenarioItem = { kind: 'scenario', id, title: scenario.meta.title, scenario };
    items.push({ item, description: facts.description, launch: `lms/${itemKey(item)}.html` });
  }
  return items;
}

/** The site's files as they go into every package: pages, stylesheets and scripts made to work from a folder. */
function siteFiles(siteDir: string): Map<string, Uint8Array> {
  const files = new Map<string, Uint8Array>();
  const encode = (text: string) => new TextEncoder().encode(text);
  for (const path of filesUnder(siteDir)) {
    // An LMS serves a package from a folder of its own, where a worker at the site's root could
    // not control the pages and would keep a copy the LMS does not expect: packages are used
    // online, and their pages do not register it (src/site/offline.ts).
    if (path === serviceWorkerFile) continue;
    const full = join(siteDir, path);
    if (path.endsWith('.html')) files.set(path, encode(packagedPage(readFileSync(full, 'utf8'), path)));
    else if (path.endsWith('.css')) files.set(path, encode(packagedStylesheet(readFileSync(full, 'utf8'), path)));
    else if (path.endsWith('.js')) files.set(path, encode(packagedScript(readFileSync(full, 'utf8'), path)));
    else if (!path.endsWith('.map')) files.set(path, readFileSync(full));
  }
  for (const script of ['launch.js', 'in-package.js']) files.set(`lms/${script}`, readFileSync(join(bridgeDir, script)));
  return files;
}

/** One package's zip: the site, the launch pages of its items and its manifest. */
function packageZip(format: PackageFormat, site: ReadonlyMap<string, Uint8Array>, items: readonly Described[], passMark: number, lrs: NamedLrs | undefined): Uint8Array {
  const files: Zippable = {};
  for (const [path, data] of site) files[path] = data;
  for (const { item, launch } of items) {
    const config: LaunchConfig = { format, courseIri, courseTitle, passMark, ...(lrs ? { lrs } : {}), item, page: itemPage(item) };
    files[launch] = new TextEncoder().encode(launchPage(config));
  }
  const manifest = manifestXml({ format, courseIri, title: items.length === 1 ? items[0]!.item.title : courseTitle, description: items.length === 1 ? items[0]!.description : courseDescription, passMark, items, files: Object.keys(files).sort() });
  files[manifestName(format)] = new TextEncoder().encode(manifest);
  return zipSync(files, { level: 6, mtime: new Date('2026-01-01T00:00:00Z') });
}

const size = (bytes: number) => (bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.round(bytes / 1024)} KB`);

/** The LRS a deployment named, with its credentials from COACH_LRS_AUTH (`key:secret`), never from the command line. */
function namedLrs(endpoint: string | undefined): NamedLrs | undefined {
  if (endpoint === undefined) return undefined;
  const auth = process.env.COACH_LRS_AUTH;
  return { endpoint: endpoint.endsWith('/') ? endpoint : `${endpoint}/`, ...(auth ? { authorization: `Basic ${Buffer.from(auth).toString('base64')}` } : {}) };
}

/** Runs `coach package`; returns the exit code. */
export async function packageCommand(options: PackageOptions): Promise<number> {
  const fail = (message: string, code: number) => {
    process.stderr.write(`coach: ${message}\n`);
    return code;
  };
  const formats = (['scorm12', 'scorm2004', 'cmi5'] as const).filter((format) => options[format]);
  if (formats.length !== 1) return fail(`choose one format: --scorm12, --scorm2004 or --cmi5${formats.length > 1 ? ` (not ${formats.map((f) => `--${f}`).join(' and ')})` : ''}`, exitCodes.usage);
  const format = formats[0]!;

  const siteDir = options.site ? resolve(options.site) : builtSiteDir;
  if (options.site) {
    if (!existsSync(join(siteDir, 'index.html'))) return fail(`${options.site} is not a built course: it has no index.html (build one with \`npm run build\`)`, exitCodes.usage);
  } else {
    const why = siteBuildNeeded(join(siteDir, 'index.html'));
    if (why && !buildSite(why)) return fail('the course could not be built; `npm run build` shows why', exitCodes.problem);
  }
  for (const script of ['launch.js', 'in-package.js']) {
    if (!existsSync(join(bridgeDir, script))) return fail(`build/lms/${script} is missing: run \`npm run build:cli\` (npm install does it) and try again`, exitCodes.problem);
  }

  let items: Described[];
  try {
    items = await courseItems(siteDir);
  } catch (error) {
    if (error instanceof CommandError) return fail(error.message, error.exitCode);
    throw error;
  }
  const passMark = options.passMark / 100;
  const lrs = namedLrs(options.lrs);
  const site = siteFiles(siteDir);
  const written: string[] = [];
  if (options.each) {
    const folder = resolve(options.out ?? `recovery-coach-practice-${format}`);
    mkdirSync(folder, { recursive: true });
    for (const described of items) {
      const path = join(folder, `${itemKey(described.item)}.zip`);
      const zip = packageZip(format, site, [described], passMark, lrs);
      writeFileSync(path, zip);
      written.push(`${path} (${size(zip.length)})`);
    }
  } else {
    const path = resolve(options.out ?? `recovery-coach-practice-${format}.zip`);
    mkdirSync(dirname(path), { recursive: true });
    const zip = packageZip(format, site, items, passMark, lrs);
    writeFileSync(path, zip);
    written.push(`${path} (${size(zip.length)})`);
  }
  const modules = items.filter(({ item }) => item.kind === 'module').length;
  const name = { scorm12: 'SCORM 1.2', scorm2004: 'SCORM 2004 (4th edition)', cmi5: 'cmi5' }[format];
  process.stdout.write(`${name}: ${modules} modules and ${items.length - modules} scenarios${options.each ? ', one package each' : ' in one package'}; pass mark ${options.passMark}%${lrs ? `; statements also to ${lrs.endpoint}` : ''}.\n`);
  for (const line of written) process.stdout.write(`Wrote ${line}\n`);
  return exitCodes.ok;
}

