export * from './image-type'
export * from './exif'
export * from './evidence'
