import { Area, CreateArea, UpdateArea } from '@marac/shared';
import { crudRoutes } from '../crud-routes';
import { createArea, listAreas, updateArea } from './repository';

export default crudRoutes({
  entity: 'area',
  noun: 'MARAC areas',
  item: Area,
  create: CreateArea,
  update: UpdateArea,
  list: listAreas,
  insert: createArea,
  change: updateArea,
});
