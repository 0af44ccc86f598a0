import { ActionIcon, Button, Modal, Tooltip } from '@mantine/core';
import { useHotkeys, useMediaQuery } from '@mantine/hooks';
import { IconMessagePlus } from '@tabler/icons-react';
import { lazy, Suspense, useState } from 'react';
import { CardSkeleton } from '../../components/Skeletons';
import { t } from '../../messages';

// The form and its pickers load on first use, not with the shell.
const QuickCaptureForm = lazy(() => import('./QuickCaptureForm'));

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent);
/** The shortcut as people read it on their keyboard. */
export const quickCaptureKeys = isMac ? '⌘ ⇧ L' : 'Ctrl+Shift+L';

/**
 * The global "Log interaction" action in the header, also on Ctrl/Cmd+Shift+L from anywhere
 * (inside text fields too). What was typed survives closing the dialog until it is saved.
 */
export function QuickCapture() {
  const [opened, setOpened] = useState(false);
  const [used, setUsed] = useState(false);
  const [round, setRound] = useState(0);
  const open = () => {
    setUsed(true);
    setOpened(true);
  };
  useHotkeys([['mod+shift+L', open]], []);
  const phone = useMediaQuery('(max-width: 36em)');
  const label = t('engagement.quick.action');
  const hint = t('engagement.quick.tooltip', { keys: quickCaptureKeys });
  return (
    <>
      <Tooltip label={hint} withArrow>
        <Button
          visibleFrom="sm"
          variant="light"
          leftSection={<IconMessagePlus size={16} aria-hidden />}
          onClick={open}
          aria-keyshortcuts={isMac ? 'Meta+Shift+L' : 'Control+Shift+L'}
        >
          {label}
        </Button>
      </Tooltip>
      <ActionIcon
        hiddenFrom="sm"
        variant="light"
        size="lg"
        radius="md"
        onClick={open}
        aria-label={label}
        aria-keyshortcuts={isMac ? 'Meta+Shift+L' : 'Control+Shift+L'}
      >
        <IconMessagePlus size={18} />
      </ActionIcon>
      <Modal opened={opened} onClose={() => setOpened(false)} title={label} size="xl" keepMounted={used} fullScreen={phone}>
        {used && (
          <Suspense fallback={<CardSkeleton lines={6} />}>
            <QuickCaptureForm
              key={round}
              onDone={() => {
                setOpened(false);
                setRound((r) => r + 1);
              }}
              onCancel={() => setOpened(false)}
            />
          </Suspense>
        )}
      </Modal>
    </>
  );
}
