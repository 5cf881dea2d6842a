// Entry of the embed (embed.html): the same app in its compact, iframe-friendly form.
import { mount } from 'svelte';
import App from './App.svelte';
import './app.css';

mount(App, { target: document.getElementById('app')!, props: { embedPage: true } });
