import { can, type Alarm } from '@cityops/domain'
import { Button, Panel } from '@cityops/ui'
import { useMutation } from '@tanstack/react-query'
import { useEffect, useRef, useState } from 'react'
import { ApiError } from '../../api/errors'
import { acknowledgeAlarm } from '../../api/wall'
import { formatDateTime, useT } from '../../i18n'
import { noteAcknowledged, useWallLive } from '../../live/wall-store'
import { useAppStore } from '../../stores/app-store'
import { useSignedIn } from '../session'
import { playAlarmTone } from './alarm-tone'

/**
 * Unacknowledged alarms (a new grade Ⅰ/Ⅱ incident, AQI level 5+). They stay until someone
 * acknowledges them; the acknowledgement is audited on the server and its event clears the
 * alarm on every wall. The optional tone plays once per new alarm.
 */
export function AlarmPanel({ onLocate }: { onLocate: (alarm: Alarm) => void }) {
  const t = useT()
  const locale = useAppStore((s) => s.locale)
  const alarms = useWallLive((s) => s.alarms)
  const { actor } = useSignedIn()
  const mayAcknowledge = can(actor, 'alarm.acknowledge')
  const [sound, setSound] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const heard = useRef(new Set<string>())

  useEffect(() => {
    const fresh = alarms.filter((a) => !heard.current.has(a.id))
    for (const a of alarms) heard.current.add(a.id)
    if (sound && fresh.length > 0) playAlarmTone()
  }, [alarms, sound])

  const ack = useMutation({
    mutationFn: acknowledgeAlarm,
    onSuccess: (alarm) => {
      setError(null)
      noteAcknowledged(alarm)
    },
    onError: (e, alarm) => {
      // 409: someone else was quicker; the alarm is acknowledged either way.
      if (e instanceof ApiError && e.status === 409) noteAcknowledged(alarm)
      else setError(t('alarm.failed', { message: e.message }))
    },
  })

  return (
    <Panel
      title={t('alarm.title')}
      className="wall-alarms"
      data-testid="alarm-panel"
      data-alarming={alarms.length > 0 || undefined}
      actions={
        <Button
          variant="secondary"
          aria-pressed={sound}
          onClick={() => setSound((s) => !s)}
          title={sound ? t('alarm.soundOff') : t('alarm.soundOn')}
          data-testid="alarm-sound"
        >
          {t('alarm.sound')}
        </Button>
      }
    >
      {alarms.length === 0 ? (
        <p className="wall-alarms__none" data-testid="alarm-none">
          {t('alarm.none')}
        </p>
      ) : (
        <>
          <p className="wall-alarms__count" role="alert" data-testid="alarm-count">
            {t('alarm.count', { count: alarms.length })}
          </p>
          <ul className="wall-alarms__list">
            {alarms.slice(0, 2).map((a) => (
              <li
                key={a.id}
                className="wall-alarms__item"
                data-testid="alarm-item"
                data-subject={a.subjectId}
              >
                <button type="button" className="wall-alarms__what" onClick={() => onLocate(a)}>
                  <strong
                    className="wall-alarms__kind"
                    data-grade={a.kind === 'incident' ? a.grade : undefined}
                  >
                    {a.kind === 'incident'
                      ? t('alarm.incident', { grade: a.grade })
                      : a.kind === 'assignmentOverdue'
                        ? t('alarm.assignmentOverdue', { department: a.departmentCode })
                        : t('alarm.aqi', { level: `${a.level} · AQI ${a.aqi}` })}
                  </strong>
                  <span className="wall-alarms__title">{a.title}</span>
                  <time className="wall-alarms__time">
                    {formatDateTime(locale, a.raisedAt).slice(-8)}
                  </time>
                </button>
                {mayAcknowledge ? (
                  <Button
                    variant="primary"
                    disabled={ack.isPending && ack.variables.id === a.id}
                    onClick={() => ack.mutate(a)}
                    data-testid="alarm-ack"
                  >
                    {ack.isPending && ack.variables.id === a.id
                      ? t('alarm.acknowledging')
                      : t('alarm.acknowledge')}
                  </Button>
                ) : null}
              </li>
            ))}
          </ul>
        </>
      )}
      {error ? (
        <p className="wall-alarms__error" role="alert">
          {error}
        </p>
      ) : null}
    </Panel>
  )
}
