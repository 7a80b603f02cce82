// Settings > Answers, "Where is my order" replies: the draft Shopclerk
// writes when a customer asks where their order is, in the language they
// wrote in, as parts the seller may rewrite per language (the opening, a
// sentence per parcel status, the parcel's details, "being prepared" for an
// order not shipped yet, the closing). Shopclerk's own text is the default
// of each part; "Reset" brings a language back to it. Every part is checked
// on save (placeholders included) and nothing is saved unless all pass.
// The preview writes the reply for a sample parcel.
import { Alert, Badge, Button, Group, Paper, Select, Stack, Text, Textarea, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { normalizeError, notifySuccess } from '../../api';
import { REPLY_PREVIEW_CASES, replyApi, replyKeys, type ReplyTemplate, type ReplyTexts } from '../../api/tasks';

export function WismoReplies() {
  const list = useQuery({ queryKey: replyKeys.all, queryFn: replyApi.list });
  const [lang, setLang] = useState('en');
  const current = list.data?.find((t) => t.lang === lang);
  return (
    <Paper withBorder radius="md" p="md" data-testid="wismo-replies">
      <Stack gap="sm">
        <Title order={3} size="h4">
          “Where is my order” replies
        </Title>
        <Text size="sm" c="dimmed">
          When a customer asks where their order is, Shopclerk drafts a reply in their language from the parcel&apos;s status and the
          carrier&apos;s latest news, for you to approve in the Outbox. Rewrite any part per language; a part you leave as it is keeps
          Shopclerk&apos;s text.
        </Text>
        <Select
          label="Language"
          w={220}
          allowDeselect={false}
          data={(list.data ?? []).map((t) => ({ value: t.lang, label: t.edited ? `${t.name} (changed)` : t.name }))}
          value={lang}
          onChange={(v) => v && setLang(v)}
          data-testid="wismo-lang"
        />
        {list.error && <Alert color="red">{normalizeError(list.error).message}</Alert>}
        {current && <LanguageEditor key={current.lang} template={current} />}
      </Stack>
    </Paper>
  );
}

const textsOf = (t: ReplyTemplate): ReplyTexts => Object.fromEntries(t.parts.map((p) => [p.key, p.text]));

export function LanguageEditor({ template }: { template: ReplyTemplate }) {
  const qc = useQueryClient();
  const [texts, setTexts] = useState<ReplyTexts>(() => textsOf(template));
  const [error, setError] = useState('');
  const [previewCase, setPreviewCase] = useState<string>('in_transit');
  const [preview, setPreview] = useState<string | null>(null);
  const done = (saved: ReplyTemplate, what: string) => {
    setError('');
    setTexts(textsOf(saved));
    qc.setQueryData<ReplyTemplate[]>(replyKeys.all, (old) => old?.map((t) => (t.lang === saved.lang ? saved : t)));
    notifySuccess(what);
  };
  const save = useMutation({
    mutationFn: () => replyApi.save(template.lang, texts),
    onSuccess: (saved) => done(saved, `${saved.name} reply saved`),
    onError: (e) => setError(normalizeError(e).message),
  });
  const reset = useMutation({
    mutationFn: () => replyApi.reset(template.lang),
    onSuccess: (saved) => {
      done(saved, `${saved.name} reply is Shopclerk's again`);
      setPreview(null);
    },
    onError: (e) => setError(normalizeError(e).message),
  });
  const show = useMutation({
    mutationFn: () => replyApi.preview(template.lang, texts, previewCase),
    onSuccess: (text) => {
      setError('');
      setPreview(text);
    },
    onError: (e) => {
      setPreview(null);
      setError(normalizeError(e).message);
    },
  });
  return (
    <Stack gap="sm" data-testid="wismo-editor" data-lang={template.lang}>
      {template.parts.map((p) => {
        const changed = (texts[p.key] ?? '') !== p.default;
        return (
          <Textarea
            key={p.key}
            label={
              <Group gap={6} component="span">
                <span>{p.label}</span>
                {changed && (
                  <Badge size="xs" variant="light" component="span">
                    Changed
                  </Badge>
                )}
              </Group>
            }
            description={`May use ${p.uses.map((u) => `{{.${u}}}`).join(', ')}`}
            autosize
            minRows={1}
            value={texts[p.key] ?? ''}
            onChange={(e) => {
              const v = e.currentTarget.value;
              setTexts((old) => ({ ...old, [p.key]: v }));
            }}
            data-testid={`wismo-part-${p.key}`}
            styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)', fontSize: 13 } }}
          />
        );
      })}
      {error && (
        <Alert color="red" variant="light" role="alert" data-testid="wismo-error">
          {error}
        </Alert>
      )}
      <Group justify="space-between" align="flex-end">
        <Group gap="xs">
          <Button onClick={() => save.mutate()} loading={save.isPending} data-testid="wismo-save">
            Save {template.name}
          </Button>
          {template.edited && (
            <Button variant="default" onClick={() => reset.mutate()} loading={reset.isPending} data-testid="wismo-reset">
              Reset {template.name} to Shopclerk&apos;s text
            </Button>
          )}
        </Group>
        <Group gap="xs" align="flex-end">
          <Select
            label="Preview for"
            w={200}
            allowDeselect={false}
            data={REPLY_PREVIEW_CASES.map((c) => ({ value: c.value, label: c.label }))}
            value={previewCase}
            onChange={(v) => v && setPreviewCase(v)}
            data-testid="wismo-preview-case"
          />
          <Button variant="default" onClick={() => show.mutate()} loading={show.isPending} data-testid="wismo-preview">
            Preview
          </Button>
        </Group>
      </Group>
      {preview !== null && (
        <Paper withBorder radius="sm" p="sm" data-testid="wismo-preview-text" role="region" aria-label={`Preview of the ${template.name} reply`}>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {preview}
          </Text>
        </Paper>
      )}
    </Stack>
  );
}
