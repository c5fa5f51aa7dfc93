interface ImportMetaEnv {
  /** Optional MapLibre style URL replacing the built-in offline basemap (see src/map/style.ts). */
  readonly VITE_BASEMAP_STYLE_URL?: string
  /** Optional XYZ/WMTS raster tile URL template drawn under our layers (see src/map/style.ts). */
  readonly VITE_BASEMAP_TILES_URL?: string
  readonly VITE_BASEMAP_ATTRIBUTION?: string
}

interface ImportMeta {
  readonly env: ImportMetaEnv
}
