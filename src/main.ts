// Entry of the full app (index.html).
import { mount } from 'svelte';
import App from './App.svelte';
import './app.css';
import { registerServiceWorker } from './sw/register';

mount(App, { target: document.getElementById('app')!, props: { embedPage: false } });
registerServiceWorker();
