from .parser import parse_address, ParseMode
from .converter import convert_address, ConvertMode