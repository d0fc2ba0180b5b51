/** Vite's `?worker` imports: a constructor for a Web Worker bundled as a file of its own. */
declare module '*?worker' {
  const WorkerConstructor: new (options?: { name?: string }) => Worker;
  export default WorkerConstructor;
}
