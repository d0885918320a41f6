// The hello-world's only script: once the DOM is ready and the next frame has painted (the same
// wait as Rapporteur's hook in ui/src/bench.ts), record the benchmark mark through the app's one
// command (window.__TAURI_INTERNALS__ is Tauri's IPC bridge, present without a bundler).
document.addEventListener('DOMContentLoaded', () => {
  requestAnimationFrame(() =>
    setTimeout(() => {
      window.__TAURI_INTERNALS__.invoke('bench_ready', { mark: 'painted' }).catch((e) => {
        document.body.append(`bench_ready failed: ${e}`);
      });
    }, 0),
  );
});
