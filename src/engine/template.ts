/**
 * New scenarios start from one template, `cli/templates/new-scenario.md`, which passes
 * `coach test` as it is: `coach new` writes it to disk and the studio opens it in its editor.
 */

/** The template filled in for the scenario `id`: its title is the id in words (`meeting-alex` → `Meeting alex`). */
export function fillScenarioTemplate(template: string, id: string): string {
  const title = id.replace(/-/g, ' ').replace(/^./, (first) => first.toUpperCase());
  return template.replaceAll('{{title}}', title);
}
