// The ids of the commands package.json contributes besides the cluster view's (those are in
// ./cluster/clusterIds.ts), free of the vscode API so the manifest test checks them against it.
export const PASSWORD_COMMANDS = {
  show: 'icewarp.showPasswords',
  hide: 'icewarp.hidePasswords',
} as const;

export const OPEN_WALKTHROUGH_COMMAND = 'icewarp.openWalkthrough';

export const OPEN_SETTINGS_FILE_COMMAND = 'icewarp.openSettingsFile';

/** Shown on other programs' path.cfg / path.dat: check the file as an IceWarp settings file after all. */
export const TREAT_AS_SETTINGS_FILE_COMMAND = 'icewarp.treatAsSettingsFile';
