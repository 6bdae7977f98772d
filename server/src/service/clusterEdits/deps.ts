// What this folder borrows from the rest of the service, imported in one place: the role of a
// node, the local/shared verdict on a folder and fix-all each have one home elsewhere.
export { roleOf } from '../role';
export { judgeFolder } from '../folders';
export { fixAll } from '../fixes';
