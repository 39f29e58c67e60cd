// Types for Vite's client-side imports (`?url` assets, import.meta.env) used by the page.
/// <reference types="vite/client" />
