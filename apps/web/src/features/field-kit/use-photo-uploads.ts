import { useCallback, useEffect, useRef, useState } from 'react'
import { currentPosition, uploadEvidence } from '../../api/field-uploads'
import type { DevicePosition, UploadedEvidence } from '../../api/field-uploads'

/**
 * A photo's way to the server: `waiting` (chosen, not sent: the case does not exist yet),
 * `uploading`, `uploaded` (has an evidence id) or `failed` (with the server's reason).
 */
export type PhotoStatus = 'waiting' | 'uploading' | 'uploaded' | 'failed'

export type FieldPhoto = {
  key: string
  file: File
  previewUrl: string | null
  capturedAt: string
  status: PhotoStatus
  evidenceId: string | null
  error: unknown
}

export type Uploader = (
  caseId: string,
  file: File,
  meta: { capturedAt: string; position: DevicePosition | null },
) => Promise<UploadedEvidence>

export type PhotoUploads = {
  photos: FieldPhoto[]
  /** Adds photos; with a case id they start uploading at once. */
  add: (files: readonly File[], caseId?: string) => void
  remove: (key: string) => void
  /** Uploads every photo not yet uploaded; resolves with all evidence ids, or null if any failed. */
  uploadAll: (caseId: string) => Promise<string[] | null>
  retry: (key: string, caseId: string) => void
  isBusy: boolean
  hasFailed: boolean
  evidenceIds: string[]
  clear: () => void
}

let nextKey = 0

const previewOf = (file: File): string | null =>
  typeof URL.createObjectURL === 'function' ? URL.createObjectURL(file) : null

const revoke = (photo: FieldPhoto) => {
  if (photo.previewUrl && typeof URL.revokeObjectURL === 'function') {
    URL.revokeObjectURL(photo.previewUrl)
  }
}

/**
 * Photos taken on the device for one case action. Each upload carries the capture time and,
 * when the person allows it, the device's position at the moment of upload.
 */
export function usePhotoUploads(upload: Uploader = uploadEvidence): PhotoUploads {
  const [photos, setPhotos] = useState<FieldPhoto[]>([])
  const photosRef = useRef(photos)
  useEffect(() => {
    photosRef.current = photos
  }, [photos])
  useEffect(() => () => photosRef.current.forEach(revoke), [])

  const patch = useCallback((key: string, change: Partial<FieldPhoto>) => {
    setPhotos((list) => list.map((p) => (p.key === key ? { ...p, ...change } : p)))
  }, [])

  const send = useCallback(
    async (photo: FieldPhoto, caseId: string): Promise<string | null> => {
      patch(photo.key, { status: 'uploading', error: null })
      try {
        const position = await currentPosition()
        const evidence = await upload(caseId, photo.file, {
          capturedAt: photo.capturedAt,
          position,
        })
        patch(photo.key, { status: 'uploaded', evidenceId: evidence.id })
        return evidence.id
      } catch (error) {
        patch(photo.key, { status: 'failed', error })
        return null
      }
    },
    [patch, upload],
  )

  const add = useCallback(
    (files: readonly File[], caseId?: string) => {
      const added = files.map((file): FieldPhoto => ({
        key: `photo-${++nextKey}`,
        file,
        previewUrl: previewOf(file),
        // A camera capture's file is written as it is taken.
        capturedAt: new Date(file.lastModified || Date.now()).toISOString(),
        status: 'waiting',
        evidenceId: null,
        error: null,
      }))
      setPhotos((list) => [...list, ...added])
      if (caseId) for (const photo of added) void send(photo, caseId)
    },
    [send],
  )

  const remove = useCallback((key: string) => {
    setPhotos((list) => {
      const gone = list.find((p) => p.key === key)
      if (gone) revoke(gone)
      return list.filter((p) => p.key !== key)
    })
  }, [])

  const uploadAll = useCallback(
    async (caseId: string) => {
      const results = await Promise.all(
        photosRef.current.map((p) =>
          p.status === 'uploaded' ? Promise.resolve(p.evidenceId) : send(p, caseId),
        ),
      )
      return results.every((id) => id !== null) ? (results as string[]) : null
    },
    [send],
  )

  const retry = useCallback(
    (key: string, caseId: string) => {
      const photo = photosRef.current.find((p) => p.key === key)
      if (photo) void send(photo, caseId)
    },
    [send],
  )

  const clear = useCallback(() => {
    photosRef.current.forEach(revoke)
    setPhotos([])
  }, [])

  return {
    photos,
    add,
    remove,
    uploadAll,
    retry,
    clear,
    isBusy: photos.some((p) => p.status === 'uploading'),
    hasFailed: photos.some((p) => p.status === 'failed'),
    evidenceIds: photos.flatMap((p) => (p.evidenceId ? [p.evidenceId] : [])),
  }
}
