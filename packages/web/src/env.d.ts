// Vite bundles CSS imported from modules (main.tsx imports styles.css); TypeScript only needs to
// know such imports exist.
declare module '*.css';
