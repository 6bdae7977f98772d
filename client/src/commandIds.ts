// Command ids of the password mask and the walkthrough, free of the vscode API so the manifest
// tests can check them against package.json.
export const PASSWORD_COMMANDS = {
  show: 'icewarp.showPasswords',
  hide: 'icewarp.hidePasswords',
} as const;

export const OPEN_WALKTHROUGH_COMMAND = 'icewarp.openWalkthrough';
