// The snippets file, bundled by esbuild's JSON loader (esbuild.mjs) and checked where it is used.
declare module '*.code-snippets' {
  const snippets: unknown;
  export default snippets;
}
