// The language service's one public module. Everything outside server/src/service/ (the LSP
// server's core and features, the command line, the bench, the tests) imports the service from
// here and from no deeper path (test/unit/architecture.test.ts fails otherwise), so this file is
// the whole of what the service offers; the modules behind it may move freely.
//
// The service is protocol-free: plain data in (a node file's text, the workspace of parsed
// nodes), plain data out (diagnostics, fixes, completions, multi-file changes). The LSP adapters
// in server/src/features and the command line convert at their edges.

// Validation: every rule over one parsed node, as diagnostics in the file's order.
export { tooLargeDiagnostics, validate, validateText } from './validation';
export type { ServiceDiagnostic, ValidationOptions } from './validation';

// A file shifted by one line (an empty line inserted or one deleted): whether it is, and which of
// its fields are read from the wrong line, so cross-node checks can leave those values out.
export { isShiftedField, isShiftedLine, shiftOf } from './lineShift';
export type { LineShift } from './lineShift';

// Parsing: a node file's text -> the node model (the 17 fields, their pieces and ranges) every
// feature reads; and the verdict on whether a text is an IceWarp file at all.
export { parseNodeFile, secretsOf } from './parse';
export type { NodeFile } from './parse';
export { SAMPLE_LINES, classifyNodeFile } from './classify';
export type { Classification } from './classify';

// The workspace: every parsed node by URI, the facts rules ask of it (peers, identities), an
// overlay that answers as if one node were changed, and the clusters the nodes form.
export { Workspace, identityKeys } from './workspace';
export type { WorkspaceFacts } from './workspace';
export { WorkspaceOverlay } from './overlay';
export { clusterKeys, groupClusters } from './cluster';
// Who is wrong when nodes disagree: the evidence of a cluster that every cross-node rule asks.
export { clusterEvidence, evidenceBuilds } from './evidence/evidence';
export { buildClusterModel, countProblems } from './clusterModel';
export { roleOf } from './role';
export { judgeFolder } from './folders';
export { blameDuplicate, nextFreeServerId, nextFreeServerIdOf } from './evidence/conventions';
export type { Blame, FreeServerId, NumberingRule } from './evidence/conventions';
// Host names as the rules judge them (the command line's pull checks names from files with them).
export { hostProblem } from './values/hosts';

// The editing features, one function each, over a node (and the workspace where peers matter).
export { completions } from './completion';
export type { CompletionEntry, CompletionKind } from './completion';
export { hover } from './hover';
export { inlayHints } from './inlayHints';
export { documentSymbols } from './symbols';
export type { FieldSymbol, FieldSymbolKind } from './symbols';
export { TOKEN_MODIFIERS, TOKEN_TYPES, semanticTokens } from './semanticTokens';
export { definition, documentHighlights, hostFileNotes, references, workspaceSymbols } from './navigation';

// Quick fixes: the fixes of one diagnostic, and fix-all (every preferred fix, each tried first).
export { fixAll, fixAllSteps, fixesFor } from './fixes';
export type { Fix } from './fixes';
// The one kind of fix that may move lines: the fix of a file shifted by one line.
export { LINE_MOVING_FIXES } from './fixTrial';
export { applyEdits, diffEdits } from './textEdits';

// Operations on a cluster as a whole. Each answers a protocol-free multi-file change
// (clusterEdits/change.ts) or a refusal with its reason; the LSP adapter turns one into a
// WorkspaceEdit.
export type { ClusterChange, ClusterEditResult } from './clusterEdits/change';
export { promoteToMaster } from './clusterEdits/promote';
export { addNode, newNodeDefaults } from './clusterEdits/addNode';
export { removeNode } from './clusterEdits/removeNode';
export { fixAllInCluster } from './clusterEdits/fixAllInCluster';
export { compareNodes, compareUris, compareWithMaster } from './clusterEdits/compare';
export { prepareRename, rename } from './clusterEdits/rename';
export { isRefusal, savedNode } from './clusterEdits/members';

// Fields and diagnostic codes: the 17 lines of a node file, every code with its default
// severity and fixes, and the rules that raise them.
export { FIELDS, FIELD_COUNT } from './fields';
export { CODES_WITH_FIXES, DIAGNOSTIC_CODES, isDiagnosticCode } from './rules/codes';
export type { DiagnosticCode } from './rules/codes';
export { RULES } from './rules/registry';
export { MAX_RELATED } from './rules/rule';
export type { Finding } from './rules/rule';

// Localized messages (English, Czech, German).
export { MESSAGE_LANGUAGES, addMessageBundle, currentMessageLanguage, environmentLocale, formatCount, isMessageBundle, setMessageBundleLoader, setMessageLocale, t } from './l10n';
export type { MessageBundle, MessageBundleLoader, MessageLanguage } from './l10n';

// The service's value types: positions as LSP has them (0-based line, UTF-16 character), edits.
export type { Position, Range, Severity, TextEdit } from './types';

// Internals that unit tests pin down on their own; the server and the command line do not use them.
export { MAX_EXCERPT, code as markdownCode, excerpt } from './bounds';
export { FileNames } from './mention';
export { PASSWORD_MASK, redactedRemoteLogon } from './describe';
export { MAX_LIST_PARTS } from './values/pieces';
export { hostKey, isIPv6Address, isIpAddress } from './values/hosts';
export { SnippetSyntaxError, expandSnippet, parseSnippet } from './snippetText';
export { wholeFileSnippetWords } from './snippetWords';
export { fixOffer } from './rules/fix';
export { setValue } from './rules/edits';
export { removeBindingEntries } from './rules/ipBindingInvalid';
export { editDistance } from './evidence/hostNames';
export { clusterMembershipMismatch } from './rules/clusterMembershipMismatch';
export { clusterMultipleMasters } from './rules/clusterMultipleMasters';
export { duplicateIdentity } from './rules/duplicateIdentity';
export { sharedFolderMismatch } from './rules/sharedFolderMismatch';
export { sharedTempFolderCollision } from './rules/sharedTempFolderCollision';
