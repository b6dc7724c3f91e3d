import { renderKustomization } from './kustomize';
import { schemaProblems } from './kubernetes-schemas';
it('x', () => {
  for (const o of ['dev', 'prod']) {
    const objs = renderKustomization(`k8s/overlays/${o}`);
    console.log(o, objs.length, schemaProblems(objs));
  }
});
