// `npm start`: enable Node's on-disk compile cache before loading the server, so later starts skip
// compiling the same JavaScript again. Then run the built server (dist/main.js, see scripts/build.mjs).
import module from 'node:module';

module.enableCompileCache?.();
await import(process.argv[2] === 'worker' ? '../dist/worker.js' : '../dist/main.js');
