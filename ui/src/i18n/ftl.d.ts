/** Vite's `?raw` imports of the catalogues: the file's text. */
declare module '*.ftl?raw' {
  const source: string;
  export default source;
}
