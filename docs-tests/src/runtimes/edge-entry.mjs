// How the Edge runtime calls a Next.js route handler: a fetch event for its POST.
import { POST } from './next-route.mjs';

addEventListener('fetch', (event) => event.respondWith(POST(event.request)));
