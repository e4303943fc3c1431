/**
 * `coach package` over a small built course that reads like the real one: what goes into each
 * package (the manifest, the launch pages, the site with its links made relative), the options,
 * and the usage errors. The browser tests load real packages in an LMS's frame.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { SyntaxValidator } from 'fast-xml-validator';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { LaunchConfig } from '../../src/lms/course.ts';
import { filesUnder } from '../../cli/package/built-site.ts';
import { scenario, temporaryFolders } from '../helpers.ts';
import { coach, flat } from './run-coach.ts';

const folder = temporaryFolders('coach-package-');

const page = (title: string, body: string, description = `About ${title}.`) => `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><meta name="description" content="${description}"><link rel="stylesheet" href="/_astro/site.css"><title>${title} · Recovery Coach Practice</title><script type="module" src="/_astro/page.js"></script></head><body><a href="#main">Skip</a><nav><a href="/">Home</a> <a href="/modules">Modules</a> <a href="/progress">My progress</a> <button aria-keyshortcuts="/">Search</button></nav><main id="main"><h1>${title}</h1>${body}</main></body></html>`;

const question = (id: string) => `<form class="card" hidden data-question="${id}"><fieldset><legend>Which?</legend><div class="option" data-option="0"><input type="radio" name="${id}" id="${id}-0"><label for="${id}-0">This</label></div><div class="option" data-option="1"><input type="radio" name="${id}" id="${id}-1"><label for="${id}-1">That</label></div></fieldset><button type="submit">Check answer</button></form>`;
/** A knowledge check as KnowledgeCheck.astro writes it: an attempt draws `draw` of the questions. */
const check = (module: string, draw: number, ids: string[]) => `<section class="knowledge-check" data-check="${module}" data-draw="${draw}" data-key-url="/modules/${module}/check.json"><div data-questions>${ids.map(question).join('')}</div></section>`;

/** A built course with one module (a check drawing two of three questions), one module with no check, and one scenario. */
function builtCourse(): { site: string; scenarios: string } {
  const site = folder();
  const files: Record<string, string> = {
    'index.html': page('Recovery Coach Practice', '<p>Welcome.</p>'),
    'modules/index.html': page('Modules', '<a href="/modules/listening">Listening</a> <a href="/modules/self-care/">Self-care</a>'),
    'modules/listening/check.json': '{}',
    'modules/listening/index.html': page('Listening', `<p>See <a href="/scenarios/meeting-sam#start">Sam</a> and <a href="/glossary?term=oars">OARS</a>.</p>${check('listening', 2, ['first', 'second', 'third'])}<astro-island component-url="/_astro/Check.js" renderer-url="/_astro/client.js"></astro-island>`),
    'modules/self-care/index.html': page('Self-care', '<p>Look after yourself, and <code>href="/not-a-link"</code>.</p>'),
    'scenarios/index.html': page('Scenarios', '<a href="/scenarios/meeting-sam">Meeting Sam</a> <a href="/scenarios/meeting-sam/group">as a group</a>'),
    'scenarios/meeting-sam/index.html': page('Meeting Sam', '<astro-island component-url="/_astro/ScenarioPlayer.js"></astro-island>', 'Practise a first meeting with Sam.'),
    'progress/index.html': page('My progress', ''),
    '_astro/site.css': 'body{background:url(/_astro/paper.png)}',
    '_astro/page.js': 'import"./client.js";',
    '_astro/preload-helper.Ab12.js': 'var e=`modulepreload`,t=function(e){return`/`+e},n={};export{t as a};',
    '_astro/Studio.js': 'new Worker(new URL(`/_astro/check-worker.js`,``+import.meta.url),{type:`module`});',
    'sw.js': 'self.__WB_MANIFEST;',
  };
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(site, path)), { recursive: true });
    writeFileSync(join(site, path), text);
  }
  const scenarios = folder({
    'meeting-sam.md': scenario(`## opening

**Sam:** I'm not sure why I came.

- **Open question:** "What made today the day?" -> end
  - feedback: It invites Sam to say more.

## end

**Outcome:** positive

Sam stays.
`).replace('title: T', 'title: Meeting Sam'),
  });
  return { site, scenarios };
}

const hashes = (dir: string) => Object.fromEntries(filesUnder(dir).map((path) => [path, createHash('sha256').update(readFileSync(join(dir, path))).digest('hex')]));
const text = (files: Record<string, Uint8Array>, path: string) => new TextDecoder().decode(files[path]);
const launchConfig = (files: Record<string, Uint8Array>, path: string) => JSON.parse(/<script type="application\/json" id="launch-config">(.*?)<\/script>/s.exec(text(files, path))![1]!.replaceAll('\\u003c', '<')) as LaunchConfig;
// Values as written, so that a test sees `80`, not a number the parser guessed.
const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@_', parseTagValue: false, parseAttributeValue: false });

describe('coach package', () => {
  it('SCORM 1.2: the whole course in one zip, an item per module and scenario, the pass mark only where a check has questions', () => {
    const { site, scenarios } = builtCourse();
    const before = hashes(site);
    const out = join(folder(), 'course.zip');
    const result = coach(['package', '--scorm12', '--site', site, '--out', out], { env: { COACH_SCENARIOS_DIR: scenarios } });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(flat(result.stdout)).toMatch(/^SCORM 1\.2: 2 modules and 1 scenarios in one package; pass mark 80%\. Wrote .*course\.zip \(\d+ KB\) $/);
    // The built site is read, never changed.
    expect(hashes(site)).toEqual(before);

    const files = unzipSync(readFileSync(out));
    const manifestText = text(files, 'imsmanifest.xml');
    // Well-formed XML (the validator throws, with the place, where it is not).
    expect(SyntaxValidator.validate(manifestText)).toBe(true);
    const manifest = xml.parse(manifestText).manifest;
    expect(manifest.metadata.schemaversion).toBe('1.2');
    const items = manifest.organizations.organization.item;
    expect(items.map((item: Record<string, unknown>) => [item.title, item['adlcp:masteryscore']])).toEqual([['Listening', '80'], ['Self-care', undefined], ['Meeting Sam', undefined]]);
    const resources = manifest.resources.resource as Array<Record<string, any>>;
    for (const resource of resources) for (const file of [resource.file].flat()) expect(Object.keys(files)).toContain(file['@_href']);
    expect(resources.slice(0, 3).map((resource) => [resource['@_adlcp:scormtype'], resource['@_href']])).toEqual([['sco', 'lms/module-listening.html'], ['sco', 'lms/module-self-care.html'], ['sco', 'lms/scenario-meeting-sam.html']]);

    const config = launchConfig(files, 'lms/module-listening.html');
    expect(config).toMatchObject({ format: 'scorm12', passMark: 0.8, page: 'modules/listening/index.html' });
    expect(config.item).toEqual({ kind: 'module', id: 'listening', title: 'Listening', check: { draw: 2, questions: [{ id: 'first', options: 2 }, { id: 'second', options: 2 }, { id: 'third', options: 2 }] } });
    expect(launchConfig(files, 'lms/module-self-care.html').item).toEqual({ kind: 'module', id: 'self-care', title: 'Self-care' });
    expect(config.lrs).toBeUndefined();
    const sam = launchConfig(files, 'lms/scenario-meeting-sam.html');
    expect(sam.item.kind === 'scenario' && sam.item.scenario.nodes.map((node) => node.id)).toEqual(['opening', 'end']);
    expect(Object.keys(files)).toEqual(expect.arrayContaining(['lms/launch.js', 'lms/in-package.js']));
    // The site's offline worker stays out: it could not control pages in an LMS's folder.
    expect(Object.keys(files)).not.toContain('sw.js');
  });

  it('makes every link relative to its page and names its file, and loads the bridge’s link fixer first; only URLs change', () => {
    const { site, scenarios } = builtCourse();
    const out = join(folder(), 'course.zip');
    expect(coach(['package', '--scorm2004', '--site', site, '--out', out], { env: { COACH_SCENARIOS_DIR: scenarios } }).status).toBe(0);
    const files = unzipSync(readFileSync(out));
    const listening = text(files, 'modules/listening/index.html');
    expect(listening).toContain('<head><script src="../../lms/in-package.js"></script><meta charset="utf-8">');
    expect(listening).toContain('<a href="../../scenarios/meeting-sam/index.html#start">Sam</a>');
    expect(listening).toContain('<a href="../../glossary/index.html?term=oars">OARS</a>');
    expect(listening).toContain('<a href="../../index.html">Home</a> <a href="../../modules/index.html">Modules</a>');
    expect(listening).toContain('<link rel="stylesheet" href="../../_astro/site.css">');
    expect(listening).toContain('component-url="../../_astro/Check.js" renderer-url="../../_astro/client.js"');
    expect(listening).toContain('data-key-url="../../modules/listening/check.json"');
    expect(listening).toContain('<a href="#main">Skip</a>');
    expect(listening).toContain('aria-keyshortcuts="/"');
    expect(text(files, 'modules/self-care/index.html')).toContain('<code>href="/not-a-link"</code>');
    expect(text(files, 'index.html')).toContain('<a href="modules/index.html">Modules</a>');
    expect(text(files, '_astro/site.css')).toBe('body{background:url(../_astro/paper.png)}');
    expect(text(files, '_astro/preload-helper.Ab12.js')).toContain('t=function(e){return`../`+e}');
    expect(text(files, '_astro/Studio.js')).toContain('new URL(`./check-worker.js`');
  });

  it('SCORM 2004 with --each: one package per item, each with its own manifest and the pass mark as the minimum normalised measure', () => {
    const { site, scenarios } = builtCourse();
    const out = folder();
    const result = coach(['package', '--scorm2004', '--each', '--pass-mark', '75', '--site', site, '--out', out], { env: { COACH_SCENARIOS_DIR: scenarios } });
    expect(result.status).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['module-listening.zip', 'module-self-care.zip', 'scenario-meeting-sam.zip']);
    const manifestText = text(unzipSync(readFileSync(join(out, 'module-listening.zip'))), 'imsmanifest.xml');
    expect(SyntaxValidator.validate(manifestText)).toBe(true);
    const manifest = xml.parse(manifestText).manifest;
    expect(manifest.metadata.schemaversion).toBe('2004 4th Edition');
    const item = manifest.organizations.organization.item;
    expect(item.title).toBe('Listening');
    expect(item['imsss:sequencing']['imsss:objectives']['imsss:primaryObjective']).toMatchObject({ '@_satisfiedByMeasure': 'true', 'imsss:minNormalizedMeasure': '0.75' });
    expect(manifest.organizations.organization['imsss:sequencing']['imsss:controlMode']).toEqual({ '@_choice': 'true', '@_flow': 'true' });
    const samManifest = xml.parse(text(unzipSync(readFileSync(join(out, 'scenario-meeting-sam.zip'))), 'imsmanifest.xml')).manifest;
    expect(samManifest.organizations.organization.item['imsss:sequencing']).toBeUndefined();
  });

  it('cmi5: a course structure with an AU per item, moveOn and masteryScore from the pass mark, and the named LRS with its key from the environment', () => {
    const { site, scenarios } = builtCourse();
    const out = join(folder(), 'cmi5.zip');
    const result = coach(['package', '--cmi5', '--pass-mark', '60', '--lrs', 'https://lrs.example.org/xapi', '--site', site, '--out', out], { env: { COACH_SCENARIOS_DIR: scenarios, COACH_LRS_AUTH: 'key:secret' } });
    expect(result.status).toBe(0);
    expect(flat(result.stdout)).toContain('statements also to https://lrs.example.org/xapi/.');
    const files = unzipSync(readFileSync(out));
    expect(files['imsmanifest.xml']).toBeUndefined();
    expect(SyntaxValidator.validate(text(files, 'cmi5.xml'))).toBe(true);
    const structure = xml.parse(text(files, 'cmi5.xml')).courseStructure;
    expect(structure.course['@_id']).toBe('https://w3id.org/xapi/recovery-coach-practice/course');
    expect(structure.au.map((au: Record<string, unknown>) => [au['@_id'], au['@_moveOn'], au['@_masteryScore'], au.url])).toEqual([
      ['https://w3id.org/xapi/recovery-coach-practice/course/modules/listening', 'CompletedAndPassed', '0.6', 'lms/module-listening.html'],
      ['https://w3id.org/xapi/recovery-coach-practice/course/modules/self-care', 'Completed', undefined, 'lms/module-self-care.html'],
      ['https://w3id.org/xapi/recovery-coach-practice/course/scenarios/meeting-sam', 'Completed', undefined, 'lms/scenario-meeting-sam.html'],
    ]);
    expect(structure.au[2].description.langstring['#text']).toBe('Practise a first meeting with Sam.');
    expect(launchConfig(files, 'lms/scenario-meeting-sam.html').lrs).toEqual({ endpoint: 'https://lrs.example.org/xapi/', authorization: `Basic ${Buffer.from('key:secret').toString('base64')}` });
  });

  it('says what is wrong with the arguments, and exits 2', () => {
    const cases: Array<[string[], RegExp]> = [
      [[], /^coach: choose one format: --scorm12, --scorm2004 or --cmi5$/],
      [['--scorm12', '--cmi5'], /choose one format: .* \(not --scorm12 and --cmi5\)/],
      [['--cmi5', '--pass-mark', '101'], /--pass-mark <percent>' argument '101' is invalid\. Expected a percentage from 0 to 100\./],
      [['--cmi5', '--lrs', 'https://key:secret@lrs.example.org/'], /Put the LRS’s key and secret in COACH_LRS_AUTH, not in the address\./],
      [['--cmi5', '--lrs', 'lrs.example.org'], /Expected the LRS’s xAPI endpoint/],
      [['--cmi5', '--site', '/no/such/folder'], /\/no\/such\/folder is not a built course: it has no index\.html/],
      [['--cmi5', '--format', 'x'], /unknown option '--format'/],
    ];
    for (const [args, message] of cases) {
      const result = coach(['package', ...args]);
      expect(flat(result.stderr).trim(), args.join(' ')).toMatch(message);
      expect(result.status, args.join(' ')).toBe(2);
    }
  });

  it('stops, with the reason, on a built site whose script loader it does not know, rather than write a package that fails in the LMS', () => {
    const { site, scenarios } = builtCourse();
    writeFileSync(join(site, '_astro/preload-helper.Ab12.js'), 'var t=function(e){return base+e};');
    const result = coach(['package', '--cmi5', '--site', site, '--out', join(folder(), 'x.zip')], { env: { COACH_SCENARIOS_DIR: scenarios } });
    expect(result.status).toBe(1);
    expect(flat(result.stderr)).toContain("_astro/preload-helper.Ab12.js: Vite's preload helper no longer reads as");
  });

  it('is in coach --help, with its options and exit codes', () => {
    expect(flat(coach(['--help']).stdout)).toContain('package [options] build the course as packages an LMS imports');
    const help = flat(coach(['package', '--help']).stdout);
    for (const option of ['--scorm12', '--scorm2004', '--cmi5', '--out <path>', '--each', '--pass-mark <percent>', '--lrs <endpoint>', '--site <folder>']) expect(help).toContain(option);
    expect(help).toContain('Exit codes: 0 written; 1 the course could not be built or read; 2 usage error.');
  });
});
