// Where the package's own data lives. src/ and dist/ both sit one level below the package root.
import { fileURLToPath } from 'node:url';

export const PACKAGE_ROOT = fileURLToPath(new URL('..', import.meta.url));
export const DEMO_ACCOUNT_FILE = fileURLToPath(new URL('../fixtures/demo/account.json', import.meta.url));
