// Ambient types for Vite's client (CSS imports, import.meta.url workers, ?url assets).
/// <reference types="vite/client" />
