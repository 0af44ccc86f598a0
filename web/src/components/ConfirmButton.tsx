import { Button, Group, Modal, Text, type ButtonProps } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useState, type ReactNode } from 'react';
import { t } from '../messages';

interface ConfirmButtonProps extends ButtonProps {
  /** What the dialog asks ("Revoke this token?"). */
  question: string;
  detail?: ReactNode;
  confirmLabel: string;
  onConfirm: () => Promise<unknown> | void;
  children: ReactNode;
  'aria-label'?: string;
}

/** A button that asks before doing something that can't be undone. */
export function ConfirmButton({ question, detail, confirmLabel, onConfirm, children, ...buttonProps }: ConfirmButtonProps) {
  const [opened, { open, close }] = useDisclosure(false);
  const [busy, setBusy] = useState(false);
  const confirm = async () => {
    setBusy(true);
    try {
      await onConfirm();
      close();
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Button {...buttonProps} onClick={open}>
        {children}
      </Button>
      <Modal opened={opened} onClose={close} title={question} centered>
        {detail && <Text fz="sm" mb="lg">{detail}</Text>}
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            {t('common.cancel')}
          </Button>
          <Button color="red" loading={busy} onClick={confirm} data-autofocus>
            {confirmLabel}
          </Button>
        </Group>
      </Modal>
    </>
  );
}
