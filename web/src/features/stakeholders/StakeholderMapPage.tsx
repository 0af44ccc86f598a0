import { Alert, Anchor, Box, Button, Group, Loader, Paper, Select, SimpleGrid, Switch, Table, Text, TextInput, Title, VisuallyHidden, useComputedColorScheme } from '@mantine/core';
import { IconAlertTriangle, IconList, IconSearch, IconTopologyStar3 } from '@tabler/icons-react';
import type { Core } from 'cytoscape';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { Link, useNavigate } from 'react-router';
import { EmptyState } from '../../components/EmptyState';
import { PageHeader } from '../../components/PageHeader';
import { QueryError } from '../../components/QueryError';
import { oneOf, useDebouncedUrlText, useUrlFilters } from '../../components/urlState';
import { t, tp } from '../../messages';
import { kindColor, kindLabel, levelLabel, options, typeLabel } from './labels';
import { buildElements, edgeLabel } from './mapElements';
import { useStakeholderMap } from './queries';
import { KINDS, STAKEHOLDER_TYPES, type StakeholderMap } from './types';

/** The graph on a canvas. Cytoscape is loaded on first use, as its own chunk. */
function Graph({ map }: { map: StakeholderMap }) {
  const container = useRef<HTMLDivElement>(null);
  const navigate = useNavigate();
  const scheme = useComputedColorScheme('light');
  const [failed, setFailed] = useState(false);
  const [ready, setReady] = useState(false);
  useEffect(() => {
    let cy: Core | undefined;
    let cancelled = false;
    const text = scheme === 'dark' ? '#dee2e6' : '#212529';
    const halo = scheme === 'dark' ? '#1a1b1e' : '#ffffff';
    const line = scheme === 'dark' ? '#5c5f66' : '#adb5bd';
    import('cytoscape')
      .then(({ default: cytoscape }) => {
        if (cancelled || !container.current) return;
        cy = cytoscape({
          container: container.current,
          elements: buildElements(map),
          layout: { name: 'cose', animate: false, nodeDimensionsIncludeLabels: true, padding: 24 },
          minZoom: 0.2,
          maxZoom: 3,
          wheelSensitivity: 0.3,
          style: [
            {
              selector: 'node',
              style: {
                'background-color': 'data(color)',
                shape: 'data(shape)' as never,
                width: 'data(size)',
                height: 'data(size)',
                label: 'data(label)',
                color: text,
                'font-size': 11,
                'text-valign': 'bottom',
                'text-margin-y': 4,
                'text-outline-color': halo,
                'text-outline-width': 2,
                'border-width': 1,
                'border-color': halo,
              },
            },
            {
              selector: 'edge',
              style: {
                width: 1.5,
                'line-color': line,
                'target-arrow-color': line,
                'target-arrow-shape': 'triangle',
                'curve-style': 'bezier',
                label: 'data(label)',
                'font-size': 9,
                color: text,
                'text-rotation': 'autorotate',
                'text-outline-color': halo,
                'text-outline-width': 2,
              },
            },
            { selector: 'edge[affiliation = 1]', style: { 'line-style': 'dashed', 'target-arrow-shape': 'none' } },
            { selector: 'node:active, node:selected', style: { 'border-width': 3, 'border-color': '#228be6' } },
          ],
        });
        // A handful of nodes would otherwise be fitted at the maximum zoom: huge shapes.
        if (cy.zoom() > 1.2) {
          cy.zoom(1.2);
          cy.center();
        }
        cy.on('tap', 'node', (e) => navigate(`/stakeholders/${e.target.data('stakeholderId') as number}`));
        cy.on('mouseover', 'node', () => {
          if (container.current) container.current.style.cursor = 'pointer';
        });
        cy.on('mouseout', 'node', () => {
          if (container.current) container.current.style.cursor = '';
        });
        setReady(true);
      })
      .catch(() => setFailed(true));
    return () => {
      cancelled = true;
      cy?.destroy();
    };
  }, [map, scheme, navigate]);
  if (failed)
    return (
      <Alert color="red" icon={<IconAlertTriangle size={18} />} role="alert">
        {t('stakeholders.mapPage.loadFailed')}
      </Alert>
    );
  return (
    <Box pos="relative">
      {!ready && (
        <Group pos="absolute" top="45%" left={0} right={0} justify="center" role="status" gap="xs">
          <Loader size="sm" />
          <Text fz="sm" c="dimmed">
            {t('stakeholders.mapPage.drawing')}
          </Text>
        </Group>
      )}
      {/* Screen readers get the tables below instead of the canvas. */}
      <Box ref={container} h={{ base: 420, sm: 600 }} aria-hidden data-testid="stakeholder-map-canvas" />
    </Box>
  );
}

function Legend() {
  const swatch = (color: string, round: boolean): ReactNode => (
    <Box w={12} h={12} bg={color} style={{ borderRadius: round ? '50%' : 3, flexShrink: 0 }} aria-hidden />
  );
  return (
    <Box component="section" aria-labelledby="map-legend-heading">
      <Title order={2} fz="sm" fw={600} id="map-legend-heading" mb={6}>
        {t('stakeholders.mapPage.legend')}
      </Title>
      <Group gap="md" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }} wrap="wrap">
        {KINDS.map((k) => (
          <Group key={k} gap={6} component="li" wrap="nowrap">
            {swatch(kindColor[k], true)}
            <Text fz="xs">{kindLabel(k)}</Text>
          </Group>
        ))}
      </Group>
      <Text fz="xs" c="dimmed" mt={6}>
        {t('stakeholders.mapPage.legendShapes')}
      </Text>
    </Box>
  );
}

/**
 * Scrolls sideways when narrow, reachable by keyboard (the edges table has nothing to tab to).
 * Visually hidden tables do not scroll: a 1-pixel box would be a scroll region nobody can see.
 */
function Scroll({ hidden, label, children }: { hidden: boolean; label: string; children: ReactNode }) {
  if (hidden) return <>{children}</>;
  return (
    <Table.ScrollContainer minWidth={420} scrollAreaProps={{ viewportProps: { tabIndex: 0, role: 'region', 'aria-label': label } }}>
      {children}
    </Table.ScrollContainer>
  );
}

/** The nodes and edges in words: for screen readers always, for everyone on request. */
function MapTables({ map, hidden }: { map: StakeholderMap; hidden: boolean }) {
  const names = new Map(map.nodes.map((n) => [n.id, n.name]));
  const nodesCaption = tp('stakeholders.mapPage.nodesCaption', map.nodes.length);
  const edgesCaption = tp('stakeholders.mapPage.edgesCaption', map.edges.length);
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
      <Paper withBorder radius="md">
        <Scroll hidden={hidden} label={nodesCaption}>
          <Table>
            <Table.Caption>{nodesCaption}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('stakeholders.name')}</Table.Th>
                <Table.Th>{t('stakeholders.type')}</Table.Th>
                <Table.Th>{t('stakeholders.kind')}</Table.Th>
                <Table.Th>{t('stakeholders.level')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {map.nodes.map((n) => (
                <Table.Tr key={n.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/stakeholders/${n.id}`} fz="sm">
                      {n.name}
                    </Anchor>
                  </Table.Td>
                  <Table.Td fz="sm">{typeLabel(n.type)}</Table.Td>
                  <Table.Td fz="sm">{kindLabel(n.kind)}</Table.Td>
                  <Table.Td fz="sm">{levelLabel(n.level)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Scroll>
      </Paper>
      <Paper withBorder radius="md">
        <Scroll hidden={hidden} label={edgesCaption}>
          <Table>
            <Table.Caption>{edgesCaption}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('stakeholders.mapPage.from')}</Table.Th>
                <Table.Th>{t('stakeholders.mapPage.link')}</Table.Th>
                <Table.Th>{t('stakeholders.mapPage.to')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {map.edges.map((e, i) => (
                <Table.Tr key={i}>
                  <Table.Td fz="sm">{names.get(e.source) ?? `#${e.source}`}</Table.Td>
                  <Table.Td fz="sm">{edgeLabel(e)}</Table.Td>
                  <Table.Td fz="sm">{names.get(e.target) ?? `#${e.target}`}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Scroll>
      </Paper>
    </SimpleGrid>
  );
}

/** /stakeholders/map — who is connected to whom. */
export default function StakeholderMapPage() {
  const { values, setFilter } = useUrlFilters(['q', 'kind', 'type', 'table'] as const);
  const search = useDebouncedUrlText(values.q, (v) => setFilter('q', v));
  const filters = {
    ...(values.q.trim() ? { q: values.q.trim() } : {}),
    ...(oneOf(KINDS, values.kind) ? { kind: oneOf(KINDS, values.kind) } : {}),
    ...(oneOf(STAKEHOLDER_TYPES, values.type) ? { type: oneOf(STAKEHOLDER_TYPES, values.type) } : {}),
  };
  const map = useStakeholderMap(filters);
  const showTable = values.table === '1';
  const filtered = Boolean(values.q || values.kind || values.type);

  let body: ReactNode;
  if (map.isPending)
    body = (
      <Paper withBorder radius="md" h={{ base: 420, sm: 600 }}>
        <Group h="100%" justify="center" role="status" gap="xs">
          <Loader size="sm" />
          <Text fz="sm" c="dimmed">
            {t('common.loading')}
          </Text>
        </Group>
      </Paper>
    );
  else if (map.isError) body = <QueryError error={map.error} retry={() => map.refetch()} />;
  else if (map.data.nodes.length === 0)
    body = (
      <EmptyState
        icon={<IconTopologyStar3 size={24} />}
        title={filtered ? t('common.noMatchesTitle') : t('stakeholders.mapPage.emptyTitle')}
        action={
          !filtered && (
            <Button component={Link} to="/stakeholders/new">
              {t('stakeholders.add')}
            </Button>
          )
        }
      >
        {filtered ? t('common.noMatchesBody') : t('stakeholders.mapPage.emptyBody')}
      </EmptyState>
    );
  else {
    body = (
      <>
        {map.data.truncated && (
          <Alert color="yellow" icon={<IconAlertTriangle size={18} />} mb="md" title={t('stakeholders.mapPage.truncatedTitle')}>
            {t('stakeholders.mapPage.truncatedBody', { count: map.data.nodes.length })}
          </Alert>
        )}
        <Paper withBorder radius="md" p="md" mb="md">
          <Text fz="xs" c="dimmed" mb="xs">
            {t('stakeholders.mapPage.summary', { nodes: map.data.nodes.length, edges: map.data.edges.length })}
          </Text>
          <Graph map={map.data} />
          <Box mt="md">
            <Legend />
          </Box>
        </Paper>
        {showTable ? (
          <MapTables map={map.data} hidden={false} />
        ) : (
          <VisuallyHidden>
            <MapTables map={map.data} hidden />
          </VisuallyHidden>
        )}
      </>
    );
  }

  return (
    <>
      <PageHeader
        title={t('stakeholders.mapPage.title')}
        crumbs={[{ label: t('stakeholders.title'), to: '/stakeholders' }]}
        description={t('stakeholders.mapPage.description')}
      />
      <Group mb="md" gap="sm" align="flex-end" wrap="wrap" role="search" aria-label={t('common.filters')}>
        <TextInput
          label={t('common.search')}
          placeholder={t('stakeholders.searchPlaceholder')}
          leftSection={<IconSearch size={16} aria-hidden />}
          value={search.text}
          onChange={(e) => search.onChange(e.currentTarget.value)}
          w={{ base: '100%', sm: 240 }}
        />
        <Select
          label={t('stakeholders.kind')}
          placeholder={t('common.all')}
          data={options(KINDS, kindLabel)}
          value={values.kind || null}
          onChange={(v) => setFilter('kind', v ?? '')}
          clearable
          w={{ base: '100%', xs: 180 }}
        />
        <Select
          label={t('stakeholders.type')}
          placeholder={t('common.all')}
          data={options(STAKEHOLDER_TYPES, typeLabel)}
          value={values.type || null}
          onChange={(v) => setFilter('type', v ?? '')}
          clearable
          w={{ base: '100%', xs: 150 }}
        />
        <Switch
          label={
            <Group gap={4} component="span">
              <IconList size={14} aria-hidden />
              {t('stakeholders.mapPage.showTable')}
            </Group>
          }
          checked={showTable}
          onChange={(e) => setFilter('table', e.currentTarget.checked ? '1' : '')}
          mb={8}
        />
      </Group>
      {body}
    </>
  );
}
