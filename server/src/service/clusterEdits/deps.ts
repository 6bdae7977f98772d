// What this folder borrows from the rest of the service, imported in one place: the role of a node
// and the local/shared verdict are moving to one home each, and fix-all is being reorganised
// around the rules, so a move changes one line here rather than every operation.
export { roleOf } from '../clusterModel';
export { folderLocation } from '../clusterModel';
export { fixAll } from '../fixes';
