/**
 * New scenarios start from one template, `cli/templates/new-scenario.md`, which passes
 * `coach test` as it is: `coach new` writes it to disk and the studio opens it in its editor.
 */

/** The template filled in for the scenario `id`: its title is the id in words (`meeting-alex` → `Meeting alex`), unless given. */
export function fillScenarioTemplate(template: string, id: string, title = id.replace(/-/g, ' ').replace(/^./, (first) => first.toUpperCase())): string {
  return template.replaceAll('{{title}}', title);
}

/** A title from an id with every word capitalised, as a scenario's title is written: `meeting-alex` → `Meeting Alex`. */
export function titleFromId(id: string): string {
  return id.split('-').filter(Boolean).map((word) => word[0]!.toUpperCase() + word.slice(1)).join(' ');
}
