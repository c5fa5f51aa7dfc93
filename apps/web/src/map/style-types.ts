import type { MapOptions } from 'maplibre-gl'

// maplibre-gl 6 does not re-export the style-spec types, and @maplibre/maplibre-gl-style-spec
// is only a transitive dependency, so the types we need are derived from the Map options.
export type StyleSpecification = Exclude<NonNullable<MapOptions['style']>, string>
export type LayerSpecification = StyleSpecification['layers'][number]
export type SourceSpecification = StyleSpecification['sources'][string]
export type GeoJSONSourceSpecification = Extract<SourceSpecification, { type: 'geojson' }>
type SymbolLayer = Extract<LayerSpecification, { type: 'symbol' }>
export type ExpressionSpecification = Extract<
  NonNullable<NonNullable<SymbolLayer['layout']>['text-field']>,
  readonly unknown[]
>
