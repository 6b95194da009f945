import { createRequire as __keywardenRequire } from 'node:module'; const require = __keywardenRequire(import.meta.url);

// src/rules/template-variables.ts
var variable = /\{([A-Za-z0-9_.]*)\}/g;
function variablesIn(template) {
  return [...template.matchAll(variable)].map((match) => match[1] ?? "");
}

export {
  variablesIn
};
