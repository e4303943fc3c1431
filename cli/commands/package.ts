import { InvalidArgumentError, type Command } from 'commander';
import type { PackageOptions } from '../package-command.ts';

function percent(value: string): number {
  if (!/^\d+(\.\d+)?$/.test(value) || Number(value) > 100) throw new InvalidArgumentError('Expected a percentage from 0 to 100.');
  return Number(value);
}

function lrsEndpoint(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new InvalidArgumentError('Expected the LRS’s xAPI endpoint, a web address such as https://lrs.example.org/xapi/.');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new InvalidArgumentError('Expected an https:// (or http://) address.');
  if (url.username || url.password) throw new InvalidArgumentError('Put the LRS’s key and secret in COACH_LRS_AUTH, not in the address.');
  return url.href;
}

/** `coach package --scorm12 | --scorm2004 | --cmi5`: the course as packages an LMS imports. */
export function registerPackage(program: Command): void {
  program
    .command('package')
    .description('build the course as packages an LMS imports: SCORM 1.2, SCORM 2004 or cmi5, with every choice as an xAPI statement')
    .option('--scorm12', 'a SCORM 1.2 package')
    .option('--scorm2004', 'a SCORM 2004 (4th edition) package')
    .option('--cmi5', 'a cmi5 package, whose statements go to the LMS’s LRS')
    .option('--out <path>', 'the zip to write (default: recovery-coach-practice-<format>.zip); with --each, a folder')
    .option('--each', 'one package per module and per scenario, instead of the whole course in one')
    .option('--pass-mark <percent>', 'the share of a module’s knowledge check to get right to pass it', percent, 80)
    .option('--lrs <endpoint>', 'also send every statement to this LRS (its key:secret in COACH_LRS_AUTH)', lrsEndpoint)
    .option('--site <folder>', 'package this built course instead of dist/ (it is not rebuilt)')
    .addHelpText(
      'after',
      `
The whole course is one package with an item per module and per scenario (or, with --each, one
package per item). It builds the course first if dist/ is missing or older than a scenario or
module file. The site's own pages are not changed: each package holds a copy with its links made
relative (an LMS serves a package from a folder), and a launch page per item that talks to the
LMS. Without an LMS, a package reports nothing.

What the LMS hears:
  a module     completed when the trainee marks it complete; a score, passed or failed, once
               every question its knowledge check drew is answered (the only thing with a pass mark)
  a scenario   completed when it is played to an ending; no score
  suspend data the item's progress (a run part-way, a module's answers), so the LMS resumes it;
               never reflections, nor replies typed in the trainee's own words
  statements   every choice (node, option, code, feedback), every ending (with the MITI-style
               summary), answers, completions and scores, in the course's xAPI profile
               (docs/xapi-profile.md): to the LMS's LRS for cmi5, and to --lrs for any format.
               They wait on the device when it is offline and go when it is back.

The trainee is named only as the LMS names them. With --lrs, the key and secret in COACH_LRS_AUTH
are written into the package, where anyone who has the package can read them: give it a key that
can only write statements.

Exit codes: 0 written; 1 the course could not be built or read; 2 usage error.

Examples:
  $ npx coach package --scorm12
  $ npx coach package --cmi5 --out course-cmi5.zip
  $ npx coach package --scorm2004 --each --out packages/
  $ COACH_LRS_AUTH=key:secret npx coach package --scorm2004 --lrs https://lrs.example.org/xapi/
  $ npm run package -- --cmi5`,
    )
    .action(async (options: PackageOptions) => {
      const { packageCommand } = await import('../package-command.ts');
      process.exitCode = await packageCommand(options);
    });
}
