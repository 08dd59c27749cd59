import { queueMemory } from './queue-memory.js';
console.log(JSON.stringify(await queueMemory(), null, 1));
