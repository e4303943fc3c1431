/**
 * New scenarios start from one template, `cli/templates/new-scenario.md`, which passes
 * `coach test` as it is: `coach new` writes it to disk and the studio opens it in its editor.
 */

/** The template filled in for the scenario `id`: its title is the id in words (`meeting-alex` → `Meeting Alex`). */
export function fillScenarioTemplate(template: string, id: string): string {
  // A first draft of a title, each word capitalised.
  const title = id.split('-').filter(Boolean).map((word) => word[0]!.toUpperCase() + word.slice(1)).join(' ');
  return template.replaceAll('{{title}}', title);
}
