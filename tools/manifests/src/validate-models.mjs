// @ts-check
// Validates objects with the kubernetes-models classes (ES modules, hence a process of their
// own: kubernetes-schemas.ts). Reads [{ module, object }] as JSON on stdin, prints the problems.
import { text } from 'node:stream/consumers';

const items = JSON.parse(await text(process.stdin));
const problems = [];
for (const { module, object } of items) {
  const models = await import(module);
  const Model = models[object.kind];
  try {
    new Model(object).validate();
  } catch (error) {
    problems.push(`${object.kind}/${object.metadata.name}: ${error.message}`);
  }
}
process.stdout.write(JSON.stringify(problems));
