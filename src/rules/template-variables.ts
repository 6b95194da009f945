/**
 * The `{name}` variables of a revoke flow's request templates. Apart from the schema that
 * checks them, so the revoke step reads templates without loading zod (~75 ms of every
 * command's start-up).
 */
const variable = /\{([A-Za-z0-9_.]*)\}/g;

/** The variables a template names, as written (`capture.hash`). */
export function variablesIn(template: string): string[] {
  return [...template.matchAll(variable)].map((match) => match[1] ?? '');
}
