interface ImportMetaEnv {
  /** Optional MapLibre style URL replacing the built-in offline basemap (see src/map/style.ts). */
  readonly VITE_BASEMAP_STYLE_URL?: string
}

interface ImportMeta {
  readonly env: ImportMetaEnv
}
