import type { BundledPackage } from './bundledPackages.js';
import type { PackageLicense } from './readPackageLicense.js';

/** The name of the file {@link formatThirdPartyLicenses} is written to, beside the bundle. */
export const LICENSES_FILE = 'THIRD-PARTY-LICENSES.txt';

const RULE = '='.repeat(80);
const THIN_RULE = '-'.repeat(80);

/** What {@link formatThirdPartyLicenses} writes about. */
export interface ThirdPartyLicensesInput {
  /** The app, from its package.json. */
  readonly app: { readonly name: string; readonly version: string };
  /** The bundle's file name, e.g. `main.js`. */
  readonly bundle: string;
  /** Every bundled third-party package with its licence. */
  readonly packages: readonly (BundledPackage & PackageLicense)[];
}

/**
 * Formats the third-party licence file shipped beside a bundle: a header naming the app, an index
 * (one line per package: name, version, licence), then each package's licence and notice texts
 * as the package ships them. A package without a licence file says so, with its declared licence.
 *
 * @param input - The app, the bundle's file name and the packages.
 * @returns Plain text ending with a newline.
 * @example
 * ```ts
 * writeFileSync(join('dist', LICENSES_FILE), formatThirdPartyLicenses({ app, bundle: 'main.js', packages }));
 * ```
 */
export function formatThirdPartyLicenses(input: ThirdPartyLicensesInput): string {
  const { app, bundle, packages } = input;
  const index = packages.map((pkg) => `  ${pkg.name} ${pkg.version} (${pkg.license})`);
  const sections = packages.map((pkg) => {
    const texts =
      pkg.files.length === 0
        ? [`The package ships no licence file; its package.json declares ${pkg.license}.`]
        : pkg.files.map((file) => `${file.name}:\n\n${file.text.trim()}`);
    return [
      RULE,
      `${pkg.name} ${pkg.version} (${pkg.license})`,
      THIN_RULE,
      texts.join(`\n\n${THIN_RULE}\n`),
    ].join('\n');
  });
  return [
    `Third-party software in ${bundle} of ${app.name} ${app.version}`,
    '',
    `${bundle} is one file built with esbuild. Besides the app's own code and that of the`,
    `@agentcore-mcp packages it uses, it holds code from the ${packages.length} npm packages below,`,
    'each under its own licence, reproduced as the package ships it.',
    '',
    ...index,
    '',
    ...sections.map((section) => `${section}\n`),
  ].join('\n');
}
