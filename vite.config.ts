import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import vue from '@vitejs/plugin-vue';

// The renderer is built once and served by either host: Electron loads it from disk, the server host over HTTP.
export default defineConfig({
  root: 'src-renderer',
  base: './',
  plugins: [vue()],
  // The same aliases as tsconfig.renderer.json's paths: @/ is the renderer's source, @shared/ the contract both sides share.
  resolve: {
    alias: {
      '@': fileURLToPath(new URL('./src-renderer/src', import.meta.url)),
      '@shared': fileURLToPath(new URL('./shared', import.meta.url)),
    },
  },
  // vue-i18n feature flags: Composition API only, no devtools in production builds.
  define: {
    __VUE_I18N_FULL_INSTALL__: true,
    __VUE_I18N_LEGACY_API__: false,
    __INTLIFY_PROD_DEVTOOLS__: false,
  },
  build: {
    outDir: '../out/renderer',
    emptyOutDir: true,
    chunkSizeWarningLimit: 2000,
  },
  server: { port: 5173, strictPort: true, proxy: { '/api': 'http://127.0.0.1:8780' } },
});
