let context: AudioContext | null = null

/**
 * Two short tones, made in the browser (no audio file to ship). Browsers only allow sound after
 * a user gesture, which the sound toggle is; a wall that never turned it on stays silent.
 */
export function playAlarmTone() {
  try {
    context ??= new AudioContext()
    const at = context.currentTime
    for (const [offset, frequency] of [
      [0, 880],
      [0.3, 660],
    ] as const) {
      const osc = context.createOscillator()
      const gain = context.createGain()
      osc.frequency.value = frequency
      gain.gain.setValueAtTime(0.2, at + offset)
      gain.gain.exponentialRampToValueAtTime(0.001, at + offset + 0.25)
      osc.connect(gain).connect(context.destination)
      osc.start(at + offset)
      osc.stop(at + offset + 0.26)
    }
  } catch {
    // no audio device: the visual alarm remains
  }
}
