// The package's name and version, set at build time from packages/icewarp-pathcfg/package.json.
declare const __ICEWARP_CLI_VERSION__: string | undefined;

export const CLI_NAME = 'icewarp-pathcfg';
export const VERSION: string = typeof __ICEWARP_CLI_VERSION__ === 'string' ? __ICEWARP_CLI_VERSION__ : '0.0.0-dev';
