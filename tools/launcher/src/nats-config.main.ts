// Writes the nats-server authorization block for a deployment, one nkey user per service:
//   npm run build && node dist/tools/launcher/src/nats-config.main.js \
//     --keys ~/hub-nats-keys --out k8s/overlays/prod/nats-authorization.conf [--namespace hub]
// Seeds already in --keys are kept (rerun it after a contracts change: same keys, new
// permissions); each <service>.seed becomes that service's Secret (docs/operations.md).
import { parseArgs } from 'node:util';
import { assertNamespace, DEFAULT_NAMESPACE } from '@hub/messaging';
import { prepareNatsCredentials } from './nats-credentials';

function main(): void {
  const { values } = parseArgs({
    options: {
      keys: { type: 'string' },
      out: { type: 'string' },
      namespace: { type: 'string', default: DEFAULT_NAMESPACE },
    },
  });
  if (!values.keys || !values.out) {
    throw new Error(
      'usage: nats-config.main.js --keys <seed directory> --out <file> [--namespace hub]',
    );
  }
  const credentials = prepareNatsCredentials({
    keysDir: values.keys,
    configFile: values.out,
    namespace: assertNamespace(values.namespace),
  });
  console.log(`wrote ${credentials.configFile} for HUB_NAMESPACE "${values.namespace}"`);
  for (const [service, file] of Object.entries(credentials.seedFiles))
    console.log(`  ${service}: ${file}`);
}

try {
  main();
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}
