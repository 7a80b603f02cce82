// Settings > Answers: the seller's saved answers to common questions
// (returns, shipping times, sizes, opening hours), each in one or more
// languages with the words that ask it. An incoming email whose words
// match becomes a reply draft in that language, waiting in the Outbox for
// approval (nothing goes out by itself). "Try a question" shows which
// answer a question would get.
import { Alert, Badge, Button, Group, Paper, Stack, Switch, Text, Textarea, TextInput } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { normalizeError, notifyError, notifySuccess } from '../../api';
import { faqApi, faqKeys, type FAQ, type FAQMatch, type FAQText } from '../../api/tasks';
import { WismoReplies } from './WismoReplies';

const blankText = (lang = 'en'): FAQText => ({ lang, keywords: '', answer: '' });
const blank = (): FAQ => ({ id: 0, topic: '', enabled: true, updatedAt: '', texts: [blankText()] });

export function AnswersSettings() {
  const list = useQuery({ queryKey: faqKeys.all, queryFn: faqApi.list });
  const [adding, setAdding] = useState(false);
  return (
    <Stack gap="md" maw={900} data-testid="settings-answers">
      <Text size="sm" c="dimmed">
        When a customer&apos;s email asks one of these questions, Shopclerk writes the answer as a reply draft in the Outbox, in the
        language whose words matched, and adds a task. You read, edit and approve it: nothing is sent by itself. Answers may use{' '}
        {'{{.Customer.FirstName}}'} and {'{{.Shop.Name}}'}.
      </Text>
      <TryQuestion />
      {(list.data ?? []).map((f) => (
        <AnswerCard key={f.id} initial={f} />
      ))}
      {adding ? (
        <AnswerCard initial={blank()} onDone={() => setAdding(false)} />
      ) : (
        <Group>
          <Button leftSection={<IconPlus size={14} />} variant="default" onClick={() => setAdding(true)} data-testid="answers-add">
            New answer
          </Button>
        </Group>
      )}
      <WismoReplies />
    </Stack>
  );
}

function TryQuestion() {
  const [q, setQ] = useState('');
  const [result, setResult] = useState<FAQMatch | null | undefined>(undefined);
  const run = useMutation({ mutationFn: () => faqApi.tryQuestion(q), onSuccess: setResult, onError: (e) => notifyError(e) });
  return (
    <Paper withBorder radius="md" p="md">
      <Group align="flex-end">
        <TextInput
          style={{ flex: 1 }}
          label="Try a question"
          placeholder="Kann ich die Tasse zurückschicken?"
          value={q}
          onChange={(e) => setQ(e.currentTarget.value)}
          data-testid="answers-try"
        />
        <Button variant="default" onClick={() => run.mutate()} disabled={!q.trim()} data-testid="answers-try-run">
          Which answer?
        </Button>
      </Group>
      {result === null && (
        <Text size="sm" mt="sm" data-testid="answers-try-none">
          No answer matches: the email would be a task for you, with no draft.
        </Text>
      )}
      {result && (
        <Stack gap={4} mt="sm" data-testid="answers-try-result">
          <Text size="sm">
            <b>{result.topic}</b> in {result.lang}, matched by {result.matched.join(', ')}:
          </Text>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {result.text}
          </Text>
        </Stack>
      )}
    </Paper>
  );
}

function AnswerCard({ initial, onDone }: { initial: FAQ; onDone?: () => void }) {
  const qc = useQueryClient();
  const [f, setF] = useState<FAQ>(initial);
  const [error, setError] = useState('');
  const refresh = () => qc.invalidateQueries({ queryKey: faqKeys.all });
  const save = useMutation({
    mutationFn: () => faqApi.save(f),
    onSuccess: (saved) => {
      setError('');
      setF(saved);
      notifySuccess(`Answer “${saved.topic}” saved`);
      refresh();
      onDone?.();
    },
    onError: (e) => setError(normalizeError(e).message),
  });
  const remove = useMutation({
    mutationFn: () => faqApi.remove(f.id),
    onSuccess: () => {
      refresh();
      onDone?.();
    },
    onError: (e) => notifyError(e, 'Not deleted'),
  });
  const setText = (i: number, patch: Partial<FAQText>) =>
    setF((p) => ({ ...p, texts: p.texts.map((t, j) => (j === i ? { ...t, ...patch } : t)) }));
  const name = f.topic || 'new answer';
  return (
    <Paper withBorder radius="md" p="md" data-testid="answer-card" data-topic={initial.topic}>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-end">
          <TextInput
            label="Topic"
            placeholder="Returns"
            value={f.topic}
            onChange={(e) => setF({ ...f, topic: e.currentTarget.value })}
            data-testid="answer-topic"
          />
          <Switch
            label="Use it"
            checked={f.enabled}
            onChange={(e) => setF({ ...f, enabled: e.currentTarget.checked })}
            data-testid="answer-enabled"
          />
        </Group>
        {f.texts.map((t, i) => (
          <Paper key={i} withBorder radius="sm" p="sm">
            <Group align="flex-start" wrap="nowrap">
              <TextInput
                w={90}
                label="Language"
                description="en, de, fr…"
                value={t.lang}
                onChange={(e) => setText(i, { lang: e.currentTarget.value })}
                data-testid="answer-lang"
              />
              <TextInput
                style={{ flex: 1 }}
                label="Words that ask it"
                description="Comma-separated; a * at the end matches any ending (return*)."
                value={t.keywords}
                onChange={(e) => setText(i, { keywords: e.currentTarget.value })}
                data-testid="answer-keywords"
              />
              {f.texts.length > 1 && (
                <Button
                  mt={42}
                  size="xs"
                  variant="subtle"
                  color="red"
                  onClick={() => setF({ ...f, texts: f.texts.filter((_, j) => j !== i) })}
                  aria-label={`Remove the ${t.lang || 'new'} text of ${name}`}
                >
                  <IconTrash size={14} />
                </Button>
              )}
            </Group>
            <Textarea
              mt="xs"
              label="Answer"
              autosize
              minRows={3}
              value={t.answer}
              onChange={(e) => setText(i, { answer: e.currentTarget.value })}
              data-testid="answer-text"
            />
          </Paper>
        ))}
        {error && (
          <Alert color="red" variant="light" data-testid="answer-error">
            {error}
          </Alert>
        )}
        <Group justify="space-between">
          <Group gap="xs">
            <Button onClick={() => save.mutate()} loading={save.isPending} data-testid="answer-save">
              Save
            </Button>
            <Button variant="default" onClick={() => setF({ ...f, texts: [...f.texts, blankText('')] })} data-testid="answer-add-lang">
              Add a language
            </Button>
            {onDone && f.id === 0 && (
              <Button variant="subtle" onClick={onDone}>
                Cancel
              </Button>
            )}
          </Group>
          {f.id !== 0 && (
            <Group gap="xs">
              {!f.enabled && <Badge color="gray">Not used</Badge>}
              <Button variant="subtle" color="red" onClick={() => remove.mutate()} aria-label={`Delete the answer ${name}`}>
                Delete
              </Button>
            </Group>
          )}
        </Group>
      </Stack>
    </Paper>
  );
}

